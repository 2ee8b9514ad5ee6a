package main

import (
	"io"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestOutput runs the example from the repository's root. Worked out by
// hand: 3 socks at 19.90 are 59.70; "meias: leve 3 pague 2" frees one unit,
// 19.90, leaving 39.80; "acima de R$ 200" does not apply to 39.80. The one
// campaign that applied gives one activation event.
func TestOutput(t *testing.T) {
	t.Chdir("../..")
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = w
	main()
	os.Stdout = stdout
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	want := "line 1: 59.70 - 19.90 = 39.80\nevent activation of meias-3x2\n"
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}

// TestReadmeShowsTheExample checks that the README's embedding example is
// this program's main function, verbatim, so that the README cannot show
// code that does not compile or prints something else.
func TestReadmeShowsTheExample(t *testing.T) {
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, body, ok := strings.Cut(string(src), "\nfunc main() {\n")
	if !ok {
		t.Fatal("main.go has no func main")
	}
	body = "func main() {\n" + body
	if !strings.Contains(string(readme), "```go\n"+body+"```\n") {
		t.Errorf("README.md does not show main.go's func main verbatim in a ```go block:\n%s", body)
	}
}
