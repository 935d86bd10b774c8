package org.inspectorate.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;

import org.inspectorate.system.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Installs and publishes the campaigns that ship with the product ({@code classpath:campaigns/*.yaml})
 * on start, in every mode, once: a campaign whose code exists already is left alone.
 */
@Component
@Order(ShippedCampaigns.ORDER) // before any runner that uses a campaign, such as the demo data
class ShippedCampaigns implements ApplicationRunner {

    /** Runs first among the start-up runners: the order of runners without one is the order of class scanning. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private static final Logger log = LoggerFactory.getLogger(ShippedCampaigns.class);
    static final String LOCATION = "classpath:campaigns/*.yaml";

    private final Campaigns campaigns;

    ShippedCampaigns(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
        Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
        for (Resource resource : resources) {
            byte[] content;
            try (InputStream in = resource.getInputStream()) {
                content = in.readAllBytes();
            }
            try {
                if (campaigns.installShipped(resource.getFilename(), content)) {
                    log.info("Installed and published the shipped campaign {}", resource.getFilename());
                }
            } catch (DataIntegrityViolationException | ConflictException e) {
                // Another node installed it at the same moment.
                log.info("Shipped campaign {} was installed concurrently", resource.getFilename());
            }
        }
    }
}
