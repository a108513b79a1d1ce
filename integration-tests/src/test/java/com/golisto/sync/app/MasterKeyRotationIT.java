package com.golisto.sync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.app.cli.Cli;
import com.golisto.sync.core.RunStatus;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.SyncMode;
import com.golisto.sync.sandbox.golisto.GolistoListing;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code master-key rotate} on a real data folder whose store a runner connected and synced. */
class MasterKeyRotationIT {
    @TempDir
    Path dir;

    private TestingSandbox sandbox;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void rotate_refusedWhileServing_thenReencryptsSoTheRestartedRunnerStillSyncs_andTheOldKeyNoLongerOpens()
            throws Exception {
        sandbox = TestingSandbox.start(8);
        Path data = dir.resolve("data");
        Path keyFile = data.resolve("master.key");
        sandbox.startRunner(data);
        sandbox.connectApproveAndSync("key-shop");
        String account = sandbox.account("key-shop");
        String oldKey = Files.readString(keyFile).strip();
        Map<String, String> env = new HashMap<>();
        env.put("GOLISTO_SYNC_STATE_DATA_DIR", data.toString());
        env.put("GOLISTO_SYNC_SERVER_PORT", Integer.toString(sandbox.runner.localUri().orElseThrow().getPort()));
        env.put("GOLISTO_SYNC_GOLISTO_API_URL", sandbox.golisto.apiBaseUri().toString());
        env.put("GOLISTO_SYNC_GOLISTO_WEB_URL", sandbox.golisto.webBaseUri().toString());

        int whileServing = run(env);
        String refusal = err.toString();
        boolean keptWhileServing = Files.readString(keyFile).strip().equals(oldKey);
        sandbox.runner.close();
        int stopped = run(env);
        String newKey = Files.readString(keyFile).strip();

        assertThat(whileServing).isEqualTo(1);
        assertThat(refusal).contains("a runner is serving");
        assertThat(keptWhileServing).isTrue();
        assertThat(stopped).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("Re-encrypted [1-9]\\d* stored secrets? under a new master key")
                .contains("master.key.previous").doesNotContain(oldKey).doesNotContain(newKey);
        assertThat(err.toString()).doesNotContain(oldKey).doesNotContain(newKey);
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(Files.readString(data.resolve("master.key.previous")).strip()).isEqualTo(oldKey);
        assertThat(data.resolve("master.key.new")).doesNotExist();
        if (Files.getFileStore(data).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("master.key.previous"))))
                    .isEqualTo("rw-------");
        }

        // restarted with the new key: the shop's API secret and the Golisto token decrypt, so a change syncs
        GolistoListing target = sandbox.golisto.listings(account).stream()
                .filter(l -> l.variantIds().isEmpty() && l.salePrice().isEmpty())
                .min(Comparator.comparing(GolistoListing::externalId)).orElseThrow();
        BigDecimal price = target.price().add(new BigDecimal("4.00"));
        sandbox.woo.merchant().setRegularPrice(Long.parseLong(target.externalId()), price.toPlainString());
        sandbox.startRunner(data);
        RunView withNewKey = sandbox.engine().syncAndWait("key-shop", SyncMode.FULL);
        sandbox.runner.close();

        assertThat(withNewKey.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(withNewKey.counts().updated()).isEqualTo(1);
        assertThat(sandbox.golisto.listing(account, target.externalId()).orElseThrow().price()).isEqualByComparingTo(price);

        // the old key opens nothing any more
        Files.writeString(keyFile, oldKey + "\n");
        sandbox.startRunner(data);
        RunView withOldKey = sandbox.engine().syncAndWait("key-shop", SyncMode.FULL);

        assertThat(withOldKey.status()).isEqualTo(RunStatus.FAILED);
    }

    private int run(Map<String, String> env) {
        return Cli.of(env, new PrintWriter(out, true), new PrintWriter(err, true)).run("master-key", "rotate");
    }
}
