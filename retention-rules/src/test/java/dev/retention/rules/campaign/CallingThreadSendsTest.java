package dev.retention.rules.campaign;

import static dev.retention.rules.testing.Shop.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.send.MessageSender;
import dev.retention.core.send.OutgoingMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code sendOnCallingThread}: the sender runs on the deciding thread and fails as on the engine's own threads. */
class CallingThreadSendsTest {
    private final EngineFixture shop = new EngineFixture();

    private static Campaign thanks() {
        return Campaign.builder("thanks").trigger(dev.retention.rules.trigger.PostPurchaseTrigger.after(Duration.ZERO))
                .message(Message.email("thanks")).build();
    }

    @Test
    void theSenderRunsOnTheThreadThatHandlesTheEvent() {
        CustomerId anna = shop.subscriber("anna");
        List<Thread> sendingThreads = Collections.synchronizedList(new ArrayList<>());
        MessageSender outbox = message -> {
            sendingThreads.add(Thread.currentThread());
            return shop.sender.send(message);
        };
        CampaignEngine engine = shop.engine(outbox, thanks()).sendOnCallingThread().build();

        List<FireEntry> changed = engine.onEvent(order(anna, shop.clock.instant(), "kettle"));

        assertThat(sendingThreads).containsExactly(Thread.currentThread());
        assertThat(shop.sender.sent()).extracting(OutgoingMessage::customerId).containsExactly(anna);
        assertThat(changed).last().extracting(FireEntry::status).isEqualTo(FireStatus.SENT);
    }

    @Test
    void byDefaultTheSenderRunsOnAnotherThread() {
        CustomerId anna = shop.subscriber("anna");
        AtomicReference<Thread> sendingThread = new AtomicReference<>();
        MessageSender outbox = message -> {
            sendingThread.set(Thread.currentThread());
            return shop.sender.send(message);
        };
        CampaignEngine engine = shop.engine(outbox, thanks()).build();

        engine.onEvent(order(anna, shop.clock.instant(), "kettle"));

        assertThat(sendingThread.get()).isNotNull().isNotSameAs(Thread.currentThread());
    }

    @Test
    void aThrowingOrNullAnsweringSenderFailsOnlyItsEntryAndTheOthersAreSent() {
        CustomerId anna = shop.subscriber("anna");
        CustomerId bob = shop.subscriber("bob");
        CustomerId carl = shop.subscriber("carl");
        CustomerId dora = shop.subscriber("dora");
        MessageSender broken = message -> {
            CustomerId to = message.customerId();
            if (to.equals(anna)) {
                return null;
            }
            if (to.equals(bob)) {
                throw new NoClassDefFoundError("com/acme/mail/Templates");
            }
            if (to.equals(carl)) {
                throw new IllegalStateException("outbox table is read-only");
            }
            return shop.sender.send(message);
        };
        Instant now = shop.clock.instant();
        for (CustomerId customer : new CustomerId[] {anna, bob, carl, dora}) {
            shop.events.append(order(customer, now, "kettle"));
        }
        CampaignEngine engine = shop.engine(broken, thanks()).sendOnCallingThread().build();

        engine.tick();

        assertThat(shop.sender.sent()).extracting(OutgoingMessage::customerId).containsExactly(dora);
        assertThat(engine.decisions(anna)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(FireStatus.FAILED);
            assertThat(e.reason()).contains("answered null");
        });
        assertThat(engine.decisions(bob)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(FireStatus.FAILED);
            assertThat(e.reason()).contains("NoClassDefFoundError");
        });
        // a runtime exception is retried later with the same key, as on the engine's own threads
        FireEntry retried = engine.decisions(carl).get(0);
        assertThat(retried.status()).isEqualTo(FireStatus.PENDING);
        assertThat(retried.cause()).isEqualTo(DecisionCause.RETRY);
        assertThat(retried.reason()).contains("IllegalStateException: outbox table is read-only");
        assertThat(retried.attempts()).isOne();
    }

    @Test
    void bothCallingThreadAndAnExecutorAreRefused() {
        CampaignEngine.Builder builder = shop.engine(thanks()).sendOnCallingThread().sendExecutor(Runnable::run);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sendOnCallingThread").hasMessageContaining("sendExecutor");
    }
}
