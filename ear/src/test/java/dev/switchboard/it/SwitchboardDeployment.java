package dev.switchboard.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The one deployment every integration test uses: the EAR exactly as the build produced it. */
public final class SwitchboardDeployment {

    private SwitchboardDeployment() {
    }

    public static EnterpriseArchive ear() {
        File ear = new File(System.getProperty("switchboard.ear", "target/switchboard.ear"));
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
