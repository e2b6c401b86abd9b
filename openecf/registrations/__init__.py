"""E-file registration: attorney admissions, pro hac vice and non-attorney requests to a court."""
