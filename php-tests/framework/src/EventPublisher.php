<?php
// A producer service written the way framework packages (laravel-kafka,
// enqueue/rdkafka, Symfony Messenger transports) use php-rdkafka: the Producer
// is injected, messages are JSON with headers, delivery is checked at flush.

namespace App\Kafka;

use RdKafka\Producer;

final class EventPublisher
{
    /** @var array<string, \RdKafka\ProducerTopic> */
    private array $topics = [];

    public function __construct(private Producer $producer, private int $flushTimeoutMs = 10000)
    {
    }

    /** @param array<string, mixed> $event */
    public function publish(string $topic, array $event, ?string $key = null, array $headers = []): void
    {
        $this->topics[$topic] ??= $this->producer->newTopic($topic);
        $this->topics[$topic]->producev(
            RD_KAFKA_PARTITION_UA,
            0,
            json_encode($event, JSON_THROW_ON_ERROR),
            $key,
            $headers + ['content-type' => 'application/json'],
        );
        $this->producer->poll(0);
    }

    /** Waits for every published event to be delivered, or throws. */
    public function flush(): void
    {
        $result = $this->producer->flush($this->flushTimeoutMs);
        if ($result !== RD_KAFKA_RESP_ERR_NO_ERROR) {
            throw new \RuntimeException('Kafka flush failed: ' . rd_kafka_err2str($result), $result);
        }
    }
}
