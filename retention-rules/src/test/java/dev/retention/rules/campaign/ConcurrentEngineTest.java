package dev.retention.rules.campaign;

import static dev.retention.rules.testing.Shop.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.rules.trigger.PostPurchaseTrigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One engine shared by several threads of the shop backend. */
class ConcurrentEngineTest {

    @Test
    void concurrentEventsAndTicksDecideEachCustomerOnceAndSendEachMessageOnce() throws Exception {
        EngineFixture shop = new EngineFixture();
        List<CustomerId> customers = IntStream.range(0, 60).mapToObj(i -> shop.subscriber("c" + i)).toList();
        Campaign thanks = Campaign.builder("first-order-thanks").trigger(PostPurchaseTrigger.after(Duration.ZERO))
                .message(Message.email("thanks")).then(Duration.ZERO, Message.email("how-was-it"))
                .reEntry(ReEntry.once()).build();
        CampaignEngine engine = shop.engine(thanks).frequencyCap(FrequencyCap.overall(5, Duration.ofDays(1))).build();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Object>> work = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int t = thread;
                work.add(() -> {
                    for (CustomerId customer : customers) {
                        engine.onEvent(order(customer, shop.clock.instant(), "p" + t));
                    }
                    return null;
                });
            }
            for (int thread = 0; thread < 2; thread++) {
                work.add(() -> {
                    for (int i = 0; i < 20; i++) {
                        engine.tick();
                    }
                    return null;
                });
            }
            for (Future<Object> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        engine.tick();

        assertThat(shop.sender.duplicateCount()).isZero();
        for (CustomerId customer : customers) {
            assertThat(shop.sender.sentTo(customer)).extracting(m -> m.templateId())
                    .containsExactly("thanks", "how-was-it");
            assertThat(engine.decisions(customer)).hasSize(2);
        }
    }
}
