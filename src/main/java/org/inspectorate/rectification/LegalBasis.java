package org.inspectorate.rectification;

/**
 * The articles a notice may cite (整改依据): the Cybersecurity Law (网络安全法) and Decree 11 (通信网络安全防护管理办法,
 * 工信部令第11号). The text of each is the message {@code rectification.basis.<name>}; art. 22 of Decree 11 is the
 * legal consequence of not correcting, noted on every overdue notice and cited by every follow-up.
 */
public enum LegalBasis {
    /** 网络安全法第二十一条: the graded protection duties of network operators. */
    CSL_21,
    /** 网络安全法第二十五条: emergency plans, remedying security risks such as vulnerabilities. */
    CSL_25,
    /** 网络安全法第五十九条: the order to correct and the penalties for not fulfilling those duties. */
    CSL_59,
    /** 办法第七条: dividing and grading network units. */
    D11_7,
    /** 办法第八条: filing within 30 days. */
    D11_8,
    /** 办法第十一条: conformity evaluation and its rectification. */
    D11_11,
    /** 办法第十二条: risk assessment and remedying the risks found. */
    D11_12,
    /** 办法第二十二条: order to correct; refusing it, a warning and a fine of 5,000 to 30,000 yuan. */
    D11_22;

    public String messageKey() {
        return "rectification.basis." + name();
    }
}
