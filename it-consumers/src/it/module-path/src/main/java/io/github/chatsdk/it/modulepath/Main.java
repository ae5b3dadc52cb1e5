package io.github.chatsdk.it.modulepath;

import com.google.gson.Gson;
import io.github.chatsdk.brek.BrekClient;
import io.github.chatsdk.core.ChatSdkException;
import io.github.chatsdk.helvia.HelviaClient;
import io.github.chatsdk.it.common.ConsumerCalls;
import io.github.chatsdk.it.common.Resolved;
import io.github.chatsdk.testkit.BrekSandbox;
import java.lang.module.ModuleDescriptor;
import okhttp3.OkHttpClient;

/**
 * Run with {@code java --module-path ... -m}: every chatsdk class and its libraries come from named
 * modules, the chatsdk ones explicit (a module-info, not an automatic module); only the API
 * packages are exported; then the calls run. Any failed check exits with status 1.
 */
public final class Main {
    private static int failures;

    private Main() {
    }

    public static void main(String[] args) {
        try {
            Resolved.print();
            System.out.println("[consumer] java.class.path: '" + System.getProperty("java.class.path", "") + "'");
            check(Main.class.getModule().isNamed(), "the application runs as a named module");
            explicit(ChatSdkException.class, "io.github.chatsdk.core");
            explicit(BrekClient.class, "io.github.chatsdk.brek");
            explicit(HelviaClient.class, "io.github.chatsdk.helvia");
            explicit(BrekSandbox.class, "io.github.chatsdk.testkit");
            explicit(OkHttpClient.class, "okhttp3");
            explicit(Gson.class, "com.google.gson");
            Resolved.oneOkHttp("okhttp-jvm-" + System.getProperty("expected.okhttp") + ".jar");

            Module core = ChatSdkException.class.getModule();
            Module brek = BrekClient.class.getModule();
            Module helvia = HelviaClient.class.getModule();
            Module app = Main.class.getModule();
            check(core.isExported("io.github.chatsdk.core"), "core exports its API");
            check(!core.isExported("io.github.chatsdk.core.internal", app), "core.internal is not exported to users");
            check(core.isExported("io.github.chatsdk.core.internal", brek), "core.internal is exported to the Brek client");
            check(!brek.isExported("io.github.chatsdk.brek.internal.generated.model", app),
                    "the generated Brek models are not exported");
            check(!helvia.isExported("io.github.chatsdk.helvia.internal.generated.model", app),
                    "the generated Helvia models are not exported");
            check(brek.isOpen("io.github.chatsdk.brek.internal.generated.model", Gson.class.getModule()),
                    "the generated Brek models are open to Gson");

            ConsumerCalls.brekSessionAndEvent();
            ConsumerCalls.helviaMessage();
        } catch (Throwable e) {
            e.printStackTrace();
            failures++;
        }
        if (failures > 0) {
            System.out.println("[consumer] module path: " + failures + " failed");
            System.exit(1);
        }
        System.out.println("[consumer] module path: all checks and calls passed");
    }

    private static void explicit(Class<?> type, String moduleName) {
        Module module = type.getModule();
        ModuleDescriptor descriptor = module.getDescriptor();
        System.out.println("[consumer] " + type.getName() + " in module " + module.getName()
                + (descriptor == null ? "" : (descriptor.isAutomatic() ? " (automatic)" : " (module-info)")
                        + descriptor.rawVersion().map(v -> " " + v).orElse("")));
        check(module.isNamed() && moduleName.equals(module.getName()), type.getName() + " is in module " + moduleName);
        check(descriptor != null && !descriptor.isAutomatic(), moduleName + " has a module-info");
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            System.out.println("[consumer] FAILED: " + what);
            failures++;
        }
    }
}
