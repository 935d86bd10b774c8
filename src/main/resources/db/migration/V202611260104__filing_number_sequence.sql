-- One counter per filing authority and year for filing numbers (<authority code>-<year>-<000001>).
CREATE TABLE filing_number_sequence (
    authority_code  VARCHAR(6) NOT NULL,
    seq_year        INT        NOT NULL,
    last_value      BIGINT     NOT NULL,
    CONSTRAINT pk_filing_number_sequence PRIMARY KEY (authority_code, seq_year)
);
