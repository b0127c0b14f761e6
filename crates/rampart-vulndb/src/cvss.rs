//! CVSS base scores computed from vector strings (v3.0, v3.1, v4.0).
