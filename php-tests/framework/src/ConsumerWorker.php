<?php
// A consumer worker in the style of framework packages: a handler callback per
// message, manual commits after the handler succeeded (at-least-once), a
// graceful stop, and partition EOF/timeouts handled by `switch ($message->err)`.

namespace App\Kafka;

use RdKafka\KafkaConsumer;
use RdKafka\Message;

final class ConsumerWorker
{
    private bool $running = false;

    /** @param callable(array, Message): void $handler */
    public function __construct(private KafkaConsumer $consumer, private $handler)
    {
    }

    /** @param list<string> $topics */
    public function subscribe(array $topics): void
    {
        $this->consumer->subscribe($topics);
    }

    /**
     * Consumes until stop() is called, $maxMessages were handled, or nothing came for
     * $idleMs after the first message (joining the group comes first: up to $joinMs).
     * A handler that throws leaves its message uncommitted and stops the worker.
     * @return int messages handled and committed
     */
    public function run(int $maxMessages, int $idleMs = 2000, int $joinMs = 20000): int
    {
        $this->running = true;
        $handled = 0;
        $idleSince = microtime(true);
        $allowedIdleMs = $joinMs;
        while ($this->running && $handled < $maxMessages) {
            $message = $this->consumer->consume(200);
            switch ($message->err) {
                case RD_KAFKA_RESP_ERR_NO_ERROR:
                    ($this->handler)(json_decode($message->payload, true, 512, JSON_THROW_ON_ERROR), $message);
                    $this->consumer->commit($message);
                    $handled++;
                    $idleSince = microtime(true);
                    $allowedIdleMs = $idleMs;
                    break;
                case RD_KAFKA_RESP_ERR__PARTITION_EOF:
                case RD_KAFKA_RESP_ERR__TIMED_OUT:
                    if ((microtime(true) - $idleSince) * 1000 > $allowedIdleMs) {
                        $this->running = false;
                    }
                    break;
                default:
                    throw new \RuntimeException($message->errstr(), $message->err);
            }
        }
        return $handled;
    }

    /** Asks run() to return after the current message (e.g. from a signal handler). */
    public function stop(): void
    {
        $this->running = false;
    }

    public function close(): void
    {
        $this->consumer->close();
    }
}
