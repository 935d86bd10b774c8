package org.inspectorate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;

class DemoDataOrderTest {

    @Test
    void theDemoDataRunsAfterTheShippedCampaignsWhicheverOrderTheirClassesAreFoundIn() throws Exception {
        Class<?> shippedCampaigns = Class.forName("org.inspectorate.campaign.ShippedCampaigns");
        for (List<Class<?>> found : List.of(List.of(DemoData.class, shippedCampaigns),
                List.<Class<?>>of(shippedCampaigns, DemoData.class))) {
            List<Class<?>> runners = new ArrayList<>(found);
            AnnotationAwareOrderComparator.sort(runners);
            assertThat(runners).containsExactly(shippedCampaigns, DemoData.class);
        }
    }
}
