-- MariaDB: the register's search (q) through one InnoDB FULLTEXT index over the title, the references and the
-- asset: words (3 characters or more) and word prefixes are found without a scan. Terms it cannot serve (shorter
-- words, Chinese text, which InnoDB's parser does not split into words) fall back to LIKE (docs/findings.md).
CREATE FULLTEXT INDEX ft_finding_text ON finding (title, vuln_refs, asset);
