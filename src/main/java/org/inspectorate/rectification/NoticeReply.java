package org.inspectorate.rectification;

import java.util.List;
import java.util.Map;

/**
 * The operator's reply (整改及问责情况报告): what was done per finding, the evidence files, and the accountability
 * report — the responsible department and person and the measure taken (问责措施).
 *
 * @param answers finding id → what was done, for every item that needs a reply
 * @param files   evidence files, each for one finding (checked like the register's evidence: size and type)
 */
public record NoticeReply(Map<Long, String> answers, List<File> files, String department, String person,
        String measure) {

    public NoticeReply {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** One evidence file for one finding. */
    public record File(long findingId, String fileName, byte[] content) {
    }
}
