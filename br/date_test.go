package br_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/promokit/promokit/br"
	"github.com/promokit/promokit/internal/testkit"
)

func TestDate(t *testing.T) {
	parse := []struct {
		in      string
		want    br.Date
		wantErr bool
	}{
		{in: "2026-11-21", want: br.Date{Year: 2026, Month: time.November, Day: 21}},
		{in: "2024-02-29", want: br.Date{Year: 2024, Month: time.February, Day: 29}},
		{in: "2026-02-29", wantErr: true}, // 2026 is not a leap year
		{in: "2026-02-30", wantErr: true},
		{in: "2026-13-01", wantErr: true},
		{in: "2026-1-05", wantErr: true},
		{in: "21/11/2026", wantErr: true},
		{in: "2026-11-21T10:00:00Z", wantErr: true},
		{in: "", wantErr: true},
	}
	for _, tt := range parse {
		got, err := br.ParseDate(tt.in)
		if tt.wantErr {
			if err == nil || !strings.Contains(err.Error(), "invalid date") {
				t.Errorf("ParseDate(%q) = %v, %v; want an invalid date error", tt.in, got, err)
			}
			if !got.IsZero() {
				t.Errorf("ParseDate(%q) returned %v with its error, want the zero Date", tt.in, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseDate(%q) (-want +got):\n%s", tt.in, diff)
		}
		if s := got.String(); s != tt.in {
			t.Errorf("ParseDate(%q).String() = %q", tt.in, s)
		}
	}

	var zero br.Date
	if !zero.IsZero() || zero.String() != "" {
		t.Errorf("zero Date: IsZero %v, String %q; want true, \"\"", zero.IsZero(), zero.String())
	}
	if b, _ := zero.MarshalText(); string(b) != "" {
		t.Errorf("zero Date MarshalText = %q, want empty", b)
	}
	d := br.MustParseDate("2026-11-21")
	if err := d.UnmarshalText(nil); err != nil || !d.IsZero() {
		t.Errorf("UnmarshalText(empty) = %v, date %v; want nil and the zero Date", err, d)
	}
	d = br.MustParseDate("2026-11-21")
	if err := d.UnmarshalText([]byte("2026-04-31")); err == nil || d.String() != "2026-11-21" {
		t.Errorf("UnmarshalText(2026-04-31) = %v, date %v; want an error and the date unchanged", err, d)
	}
	b, err := json.Marshal(struct {
		D br.Date `json:"d"`
	}{br.MustParseDate("2001-09-03")})
	if err != nil || string(b) != `{"d":"2001-09-03"}` {
		t.Errorf("json.Marshal = %s, %v; want {\"d\":\"2001-09-03\"}", b, err)
	}

	func() {
		defer func() {
			if recover() == nil {
				t.Errorf("MustParseDate(2026-02-30) did not panic")
			}
		}()
		br.MustParseDate("2026-02-30")
	}()

	ages := []struct {
		born, on string
		want     int
	}{
		{"2000-03-15", "2026-03-14", 25}, // the day before the birthday
		{"2000-03-15", "2026-03-15", 26}, // the birthday
		{"2000-03-15", "2026-12-31", 26},
		{"2000-03-15", "2026-02-20", 25}, // an earlier month
		{"2004-02-29", "2025-02-28", 20}, // born on a leap day: 21 only on March 1st
		{"2004-02-29", "2025-03-01", 21},
		{"2026-11-21", "2026-11-21", 0},
	}
	for _, tt := range ages {
		if got := br.MustParseDate(tt.born).AgeOn(br.MustParseDate(tt.on)); got != tt.want {
			t.Errorf("AgeOn(born %s, on %s) (-want +got):\n-%d\n+%d", tt.born, tt.on, tt.want, got)
		}
	}

	// 23:30 in São Paulo is already the next day in UTC: DateOf reads the
	// instant in its own location.
	late := testkit.At(2026, 11, 21, 23, 30, 0)
	if got, want := br.DateOf(late), br.MustParseDate("2026-11-21"); got != want {
		t.Errorf("DateOf(%v) (-want +got):\n-%v\n+%v", late, want, got)
	}
	if got, want := br.DateOf(late.UTC()), br.MustParseDate("2026-11-22"); got != want {
		t.Errorf("DateOf(%v) (-want +got):\n-%v\n+%v", late.UTC(), want, got)
	}
}
