package org.inspectorate;

import java.time.ZoneId;
import java.util.TimeZone;

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
        useDisplayTimeZone();
        SpringApplication.run(InspectorateApplication.class, args);
    }

    /**
     * Pages show times in China Standard Time unless {@code INSPECTORATE_TIME_ZONE} names another zone.
     * Every node then runs in the same zone too, which MariaDB's zone-less DATETIME columns need.
     */
    static void useDisplayTimeZone() {
        String zone = System.getenv().getOrDefault("INSPECTORATE_TIME_ZONE", "Asia/Shanghai");
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of(zone)));
    }
}
