package liaison.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "liaison", importOptions = ImportOption.DoNotIncludeTests.class)
class PlayerArchitectureTest {
  @ArchTest static final ArchRule plainJava = ArchitectureRules.PROTOCOL_IS_PLAIN_JAVA;
  @ArchTest static final ArchRule paho = ArchitectureRules.ONLY_LINK_USES_PAHO;
  @ArchTest static final ArchRule pi4j = ArchitectureRules.ONLY_HARDWARE_USES_PI4J;
  @ArchTest static final ArchRule javafx = ArchitectureRules.ONLY_VIEWS_USE_JAVAFX;
  @ArchTest static final ArchRule clock = ArchitectureRules.TIME_COMES_FROM_A_CLOCK;
}
