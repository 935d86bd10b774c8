package org.inspectorate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.TryCatchBlock;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Role;
import org.inspectorate.system.AuditableEvent;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shape every module follows (docs/adr/0004): controllers named for what they serve, thin (no role checks, no
 * catching of the domain's refusals, which {@code PageActions} and the API's handler map), events that name their own
 * action, and tests on a clock they are given.
 */
class ShapeTests {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.inspectorate");

    static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("org.inspectorate");

    @Test
    void pageControllersAreNamedPagesAndRestControllersApi() {
        classes().that().areAnnotatedWith(Controller.class).should().haveSimpleNameEndingWith("Pages")
                .check(MAIN);
        classes().that().areAnnotatedWith(RestController.class).should().haveSimpleNameEndingWith("Api")
                .check(MAIN);
    }

    @Test
    void controllersLeaveRoleChecksToTheModulesAccessPolicies() {
        noClasses().that(areControllers()).should().callMethod(Actor.class, "has", Role.class)
                .because("who may do what is the module's access policy's question, asked by its services")
                .check(MAIN);
    }

    @Test
    void controllersDoNotCatchTheDomainsRefusals() {
        classes().that(areControllers()).should(catchNo(InvalidInputException.class, ConflictException.class))
                .because("PageActions turns them into the page, the API's handler into problem+json")
                .check(MAIN);
    }

    @Test
    void everyAuditedEventNamesItsOwnAction() {
        classes().that().implement(AuditableEvent.class).and().areRecords()
                .should(haveNoComponentNamed("action"))
                .because("an event type derives its action; no module writes an action string outside it")
                .check(MAIN);
    }

    @Test
    void testsReadTheClockTheyAreGivenNeverTheMachines() {
        noClasses().should().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .because("a test on the machine's clock passes or fails with the date it runs on")
                .check(TESTS);
    }

    private static DescribedPredicate<JavaClass> areControllers() {
        return DescribedPredicate.describe("are controllers",
                c -> c.isAnnotatedWith(Controller.class) || c.isAnnotatedWith(RestController.class));
    }

    private static ArchCondition<JavaClass> catchNo(Class<?>... refused) {
        return new ArchCondition<>("catch none of the domain's refusals") {
            @Override
            public void check(JavaClass controller, ConditionEvents events) {
                for (JavaCodeUnit unit : controller.getCodeUnits()) {
                    for (TryCatchBlock block : unit.getTryCatchBlocks()) {
                        for (JavaClass caught : block.getCaughtThrowables()) {
                            for (Class<?> r : refused) {
                                if (caught.isAssignableTo(r)) {
                                    events.add(SimpleConditionEvent.violated(controller,
                                            unit.getFullName() + " catches " + caught.getSimpleName()));
                                }
                            }
                        }
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> haveNoComponentNamed(String name) {
        return new ArchCondition<>("have no record component named " + name) {
            @Override
            public void check(JavaClass event, ConditionEvents events) {
                event.getAllFields().stream()
                        .filter(f -> f.getOwner().equals(event) && f.getName().equals(name))
                        .forEach(f -> events.add(SimpleConditionEvent.violated(event,
                                event.getName() + " takes its action as a value")));
            }
        };
    }
}
