//go:build race

package schema_test

// raceDetector is true in a test binary built with -race: the mutation
// corpus is then sampled (the test has one goroutine; the race detector
// only slows it down), and .ci/run runs it whole without -race.
const raceDetector = true
