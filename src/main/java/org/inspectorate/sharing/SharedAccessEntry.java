package org.inspectorate.sharing;

import java.time.Instant;

/** One read of shared data (访问记录): who read which records under which request, when. */
public record SharedAccessEntry(long id, long requestId, String readerName, RecordType recordType, Long recordId,
        int rows, Instant readAt) {
}
