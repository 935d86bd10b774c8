package org.inspectorate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure holds: no module reaches into another's internals, and no cycles. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(InspectorateApplication.class);

    /** Where the Documenter writes under Maven (its default). */
    static final Path DOCS = Path.of("target", "spring-modulith-docs");

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("organisation", "filing", "campaign", "finding", "audit", "report", "system");
        String overview = Files.readString(DOCS.resolve("components.puml"), StandardCharsets.UTF_8);
        for (ApplicationModule module : MODULES) {
            assertThat(overview).as("the overview names %s", module.getIdentifier())
                    .contains(module.getDisplayName());
            Path own = DOCS.resolve("module-" + module.getIdentifier() + ".puml");
            assertThat(own).as("the diagram of %s", module.getIdentifier()).isRegularFile();
            assertThat(Files.readString(own, StandardCharsets.UTF_8)).contains(module.getDisplayName());
        }
    }
}
