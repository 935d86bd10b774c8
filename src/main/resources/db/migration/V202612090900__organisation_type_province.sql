-- The progress of spot checks (抽查进度) shows each province's number of basic telecom companies (its target): a
-- grouped count of one type by province, read from this index alone rather than from the 200,000 operators.
CREATE INDEX ix_organisation_type_province ON organisation (type, province_code);
