package liaison.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "liaison", importOptions = ImportOption.DoNotIncludeTests.class)
class ProtocolArchitectureTest {
  @ArchTest static final ArchRule plainJava = ArchitectureRules.PROTOCOL_IS_PLAIN_JAVA;
  @ArchTest static final ArchRule clock = ArchitectureRules.TIME_COMES_FROM_A_CLOCK;
}
