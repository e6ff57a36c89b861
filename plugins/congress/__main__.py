from congress.cli import main

raise SystemExit(main())
