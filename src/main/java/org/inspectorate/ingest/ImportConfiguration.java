package org.inspectorate.ingest;

import org.inspectorate.system.StreamedUploadPath;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The module's plain-Java access policy as a bean; report uploads streamed with the import's own size limit,
 * not the global multipart one.
 */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    IngestAccess ingestAccess() {
        return new IngestAccess();
    }

    @Bean
    StreamedUploadPath importApiUpload() {
        return new StreamedUploadPath(ImportApi.PATH);
    }

    @Bean
    StreamedUploadPath importPageUpload() {
        return new StreamedUploadPath(ImportPages.PATH);
    }
}
