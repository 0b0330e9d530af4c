from peerready.cli import main

raise SystemExit(main())
