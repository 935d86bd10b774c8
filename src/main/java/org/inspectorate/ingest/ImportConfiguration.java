package org.inspectorate.ingest;

import org.inspectorate.system.StreamedUploadPath;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Report uploads are streamed with the import's own size limit, not the global multipart one. */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    StreamedUploadPath importApiUpload() {
        return new StreamedUploadPath(ImportApi.PATH);
    }

    @Bean
    StreamedUploadPath importPageUpload() {
        return new StreamedUploadPath(ImportPages.PATH);
    }
}
