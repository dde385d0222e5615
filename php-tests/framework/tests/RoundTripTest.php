<?php

use App\Kafka\ConsumerWorker;
use App\Kafka\EventPublisher;
use PHPUnit\Framework\TestCase;

/** The publisher and the worker against a mock cluster (or TEST_KAFKA_BROKERS). */
final class RoundTripTest extends TestCase
{
    private static ?RdKafka\Mock\Cluster $cluster = null;
    private static string $brokers;

    public static function setUpBeforeClass(): void
    {
        $real = getenv('TEST_KAFKA_BROKERS');
        if ($real) {
            self::$brokers = $real;
            return;
        }
        self::$cluster = new RdKafka\Mock\Cluster(1);
        self::$brokers = self::$cluster->getBootstraps();
    }

    public static function tearDownAfterClass(): void
    {
        // Workers referenced from their own handler closures are PHP cycles: free them
        // before the cluster goes, so they do not log the disconnection.
        gc_collect_cycles();
        self::$cluster = null;
    }

    private function publisher(): EventPublisher
    {
        $conf = new RdKafka\Conf();
        $conf->set('metadata.broker.list', self::$brokers);
        return new EventPublisher(new RdKafka\Producer($conf));
    }

    private function worker(string $group, callable $handler): ConsumerWorker
    {
        $conf = new RdKafka\Conf();
        $conf->set('metadata.broker.list', self::$brokers);
        $conf->set('group.id', $group);
        $conf->set('auto.offset.reset', 'earliest');
        $conf->set('enable.auto.commit', 'false');
        $conf->set('session.timeout.ms', '6000');
        return new ConsumerWorker(new RdKafka\KafkaConsumer($conf), $handler);
    }

    public function testEveryEventIsHandledOnceAndAStoppedWorkerResumesAtItsCommit(): void
    {
        $topic = 'orders-' . bin2hex(random_bytes(4));
        self::$cluster?->createTopic($topic, 2);
        $publisher = $this->publisher();
        for ($i = 0; $i < 20; $i++) {
            $publisher->publish($topic, ['order' => $i], "customer-" . ($i % 3));
        }
        $publisher->flush();

        $group = 'billing-' . bin2hex(random_bytes(4));
        $seen = [];
        $first = $this->worker($group, function (array $event, RdKafka\Message $message) use (&$seen, &$first): void {
            $this->assertSame('application/json', $message->headers['content-type'] ?? null);
            $seen[] = $event['order'];
            if (count($seen) === 8) {
                $first->stop(); // graceful: this message is still committed
            }
        });
        $first->subscribe([$topic]);
        $this->assertSame(8, $first->run(100, 1000));
        $first->close();

        $second = $this->worker($group, function (array $event) use (&$seen): void {
            $seen[] = $event['order'];
        });
        $second->subscribe([$topic]);
        $this->assertSame(12, $second->run(100, 1000));
        $second->close();

        sort($seen);
        $this->assertSame(range(0, 19), $seen);
    }

    public function testAFailingHandlerLeavesItsMessageForTheNextWorker(): void
    {
        $topic = 'payments-' . bin2hex(random_bytes(4));
        self::$cluster?->createTopic($topic, 1);
        $publisher = $this->publisher();
        foreach (['a', 'b', 'c'] as $id) {
            $publisher->publish($topic, ['payment' => $id]);
        }
        $publisher->flush();

        $group = 'payments-' . bin2hex(random_bytes(4));
        $failing = $this->worker($group, function (array $event): void {
            if ($event['payment'] === 'b') {
                throw new DomainException('gateway down');
            }
        });
        $failing->subscribe([$topic]);
        try {
            $failing->run(10);
            $this->fail('the handler exception should leave run()');
        } catch (DomainException $e) {
            $this->assertSame('gateway down', $e->getMessage());
        }
        $failing->close();

        $retried = [];
        $retry = $this->worker($group, function (array $event) use (&$retried): void {
            $retried[] = $event['payment'];
        });
        $retry->subscribe([$topic]);
        $this->assertSame(2, $retry->run(10, 1000));
        $retry->close();
        $this->assertSame(['b', 'c'], $retried);
    }
}
