from openecf.cli import main

raise SystemExit(main())
