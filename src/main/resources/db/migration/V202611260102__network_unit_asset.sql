-- The assets of a unit's working copy: domain names, IP addresses, CIDR ranges, URLs, app packages.
CREATE TABLE network_unit_asset (
    id           ${id_pk},
    unit_id      BIGINT        NOT NULL,
    seq_no       INT           NOT NULL,
    asset_kind   VARCHAR(20)   NOT NULL,
    asset_value  VARCHAR(2048) NOT NULL,
    open_ports   VARCHAR(200),
    CONSTRAINT fk_network_unit_asset_unit FOREIGN KEY (unit_id) REFERENCES network_unit (id)
);
CREATE INDEX ix_network_unit_asset_unit ON network_unit_asset (unit_id);
