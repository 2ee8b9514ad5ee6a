package br_test

import (
	"errors"
	"fmt"

	"github.com/promokit/promokit/br"
)

func ExampleParseTaxID() {
	for _, s := range []string{"529.982.247-25", "12.abc.345/01de-35"} {
		id, err := br.ParseTaxID(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(id.Kind(), id, id.Format())
	}

	_, err := br.ParseTaxID("529.982.247-26")
	fmt.Println(err)

	var te *br.TaxIDError
	if _, err := br.ParseTaxID("529.982.247_25"); errors.As(err, &te) {
		fmt.Println(te.Reason)
	}
	// Output:
	// cpf 52998224725 529.982.247-25
	// cnpj 12ABC34501DE35 12.ABC.345/01DE-35
	// br: invalid tax id "529.982.247-26": check digit mismatch
	// unexpected character '_' at position 11
}
