from sop_desktop.cli import main

raise SystemExit(main())
