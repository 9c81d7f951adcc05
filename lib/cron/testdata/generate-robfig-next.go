// Generates lib/cron/testdata/robfig-next.json: robfig/cron v3.0.1's Next for schedules, zones and start times.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/robfig/cron/v3"
)

type fixture struct {
	Zone     string   `json:"zone"`
	Schedule string   `json:"schedule"`
	From     string   `json:"from"`
	Next     []string `json:"next"`
}

func main() {
	zones := []string{"UTC", "America/Los_Angeles", "Europe/London", "Australia/Lord_Howe", "America/Sao_Paulo", "Asia/Kolkata", "Pacific/Chatham", "America/St_Johns", "Asia/Tokyo"}
	schedules := []string{"* * * * *", "*/15 * * * *", "59 1 * * *", "0 2 * * *", "1 2 * * *", "30 2 * * *", "30 1 * * *", "0 0 * * *", "0 3 * * *",
		"0 0 1 * *", "@hourly", "@daily", "@midnight", "@weekly", "@monthly", "@yearly", "@annually", "0 9 * * mon-fri", "0 0 13 * 5", "0 0 * * 5",
		"0 0 29 2 *", "5 4 * jan,jul sun", "0 */6 * * *", "15-45/10 8-18/2 * * *", "0 0 31 * *", "0 12 ? * sat", "0 0 1/2 * *", "30 */2 * * *", "0 0 * * */1", "0 0 1 * */2"}
	froms := map[string][]string{
		"UTC":                 {"2024-02-28T23:59:30Z", "2020-12-31T23:59:59.5Z"},
		"America/Los_Angeles": {"2020-03-07T23:00:00Z", "2020-10-31T23:00:00Z"},
		"Europe/London":       {"2020-03-28T22:00:00Z", "2020-10-24T22:00:00Z"},
		"Australia/Lord_Howe": {"2020-04-04T12:00:00Z", "2020-10-03T12:00:00Z"},
		"America/Sao_Paulo":   {"2018-11-03T01:00:00Z", "2019-02-16T01:00:00Z"},
		"Asia/Kolkata":        {"2023-06-15T10:17:00Z"},
		"Pacific/Chatham":     {"2020-04-04T11:00:00Z", "2020-09-26T11:00:00Z"},
		"America/St_Johns":    {"2020-03-07T23:00:00Z", "2020-10-31T23:00:00Z"},
		"Asia/Tokyo":          {"2023-12-31T14:59:00Z"},
	}
	var out []fixture
	for _, zone := range zones {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			panic(err)
		}
		for _, schedule := range schedules {
			sched, err := cron.ParseStandard("CRON_TZ=" + zone + " " + schedule)
			if err != nil {
				panic(err)
			}
			for _, from := range froms[zone] {
				t, err := time.Parse(time.RFC3339Nano, from)
				if err != nil {
					panic(err)
				}
				f := fixture{Zone: zone, Schedule: schedule, From: from}
				for i := 0; i < 6; i++ {
					t = sched.Next(t)
					if t.IsZero() {
						f.Next = append(f.Next, "")
						break
					}
					f.Next = append(f.Next, t.In(loc).Format(time.RFC3339))
				}
				out = append(out, f)
			}
		}
	}
	// Go's time.Date in a gap and an overlap, as robfig's day loop relies on it.
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
	la, _ := time.LoadLocation("America/Los_Angeles")
	fmt.Fprintln(os.Stderr, time.Date(2020, 3, 8, 2, 30, 0, 0, la).Format(time.RFC3339), time.Date(2020, 11, 1, 1, 30, 0, 0, la).Format(time.RFC3339))
}
