-- One answer per checklist item of a workspace: COMPLIANT, NOT_COMPLIANT or NOT_APPLICABLE with notes; a
-- NOT_COMPLIANT answer links the finding it opened. Evidence files live in evidence_file (owner_kind
-- 'self-inspection-answer', owner_id = this id).
CREATE TABLE self_inspection_answer (
    id                  ${id_pk},
    self_inspection_id  BIGINT       NOT NULL,
    item_id             VARCHAR(40)  NOT NULL,
    answer              VARCHAR(20)  NOT NULL,
    notes               ${clob},
    finding_id          BIGINT,
    answered_by         VARCHAR(64)  NOT NULL,
    answered_at         ${ts}        NOT NULL,
    CONSTRAINT uk_self_inspection_answer UNIQUE (self_inspection_id, item_id),
    CONSTRAINT fk_self_inspection_answer FOREIGN KEY (self_inspection_id) REFERENCES self_inspection (id),
    CONSTRAINT fk_self_inspection_answer_finding FOREIGN KEY (finding_id) REFERENCES finding (id)
);
