from rankplan.launch import run

raise SystemExit(run())
