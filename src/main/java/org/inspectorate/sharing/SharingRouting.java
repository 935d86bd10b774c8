package org.inspectorate.sharing;

import org.inspectorate.organisation.Organisation;

/**
 * Who decides a request about an operator (审批机关), plain Java: the communication administration of the operator's
 * province (基础电信企业 … 应征得当地通信管理局同意) — for a basic telecom provincial company, a value-added telecom or
 * internet enterprise alike; an operator without a province (a group company, a specialised company, a domain
 * registry or registrar, filed with the Ministry) is decided by the Ministry. docs/sharing.md.
 */
final class SharingRouting {

    private SharingRouting() {
    }

    /** The deciding province's code, {@code null} for the Ministry. */
    static String decidingProvince(Organisation operator) {
        return operator.province() == null ? null : operator.province().code();
    }
}
