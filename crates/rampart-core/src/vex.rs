//! VEX documents (OpenVEX, CycloneDX VEX): parsing and applying their statements to findings.
