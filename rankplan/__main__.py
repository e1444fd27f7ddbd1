from rankplan.cli import main

raise SystemExit(main())
