package org.inspectorate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Inspectorate — the telecom and internet industry's network-security inspection platform
 * (电信和互联网行业网络安全检查管理平台).
 */
@Modulithic(sharedModules = "system")
@SpringBootApplication
public class InspectorateApplication {

    public static void main(String[] args) {
        SpringApplication.run(InspectorateApplication.class, args);
    }
}
