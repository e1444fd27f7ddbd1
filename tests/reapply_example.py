"""The ``[reapply]`` example of DESIGN §3, shared by the schema and storage tests."""

FULL = '''\
schema = 1

[profile]
specialty = "Internal Medicine"

[[programs]]
id = "univ-a"
name = "University A"

[reapply]                         # only for a reapplicant
last_cycle = 2026                 # the Match year that went unmatched
cycles_unmatched = 1
specialty = "Internal Medicine"   # applied to last time
applications = 45
interviews_offered = 3
interviews_attended = 3
ranked = 3
geography = "regional"
submitted = 2025-09-20            # when ERAS went in
score_reported = 2025-10-30
statement = "generic"
decision = "rebrand"
pivot_specialty = ""
gap_year = "prelim"
gap_year_outputs = ""
last_clinical = 2026-06-15        # last US clinical work
applications_planned = 90
submit_on = 2026-09-03

[[reapply.feedback]]
source = "home PD"                # who said it
said = "Step 2 came too late for most programs."

[[reapply.letters]]
# the first letter
author = "Dr. Lee"
specialty = "Internal Medicine"
date = 2026-07-01
status = "promised"               # asked | promised | uploaded

[[reapply.advocates]]
name = "Dr. Patel"                # my mentor
programs = ["univ-a", "Lakeside Community"]
status = "agreed"
'''
