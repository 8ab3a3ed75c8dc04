"""Report stage: findings.json, HTML, SARIF, JUnit, CSV and the console summary."""
