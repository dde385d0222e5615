<?php
// Consumes N messages from the start of TOPIC with KafkaConsumer::consume().
// MODE=count: read until nothing new comes for QUIET seconds; report how many.
// MODE=batch: [rdkafka-rs] KafkaConsumer::consumeBatch() of up to BATCH (1,000) per call.
require __DIR__ . '/common.inc';
$brokers = param('BROKERS', '127.0.0.1:9092');
$topic_name = param('TOPIC', 'bench');
$count = (int) param('N', 1000000);
$mode = param('MODE', 'consume');
$quiet = (float) param('QUIET', 5);

$conf = new RdKafka\Conf();
$conf->set('metadata.broker.list', $brokers);
$conf->set('group.id', 'bench-' . getmypid() . '-' . mt_rand());
$conf->set('auto.offset.reset', 'earliest');
$conf->set('enable.partition.eof', 'false');
$consumer = new RdKafka\KafkaConsumer($conf);
$consumer->subscribe([$topic_name]);

$received = 0;
$bytes = 0;
$started = null;
$last_progress = microtime(true);
$limit = $mode === 'count' ? PHP_INT_MAX : $count;
$batch_size = (int) param('BATCH', 1000);
// The same loop body twice, so that the single-message row pays for no batch plumbing.
while ($mode === 'batch' && $received < $limit && microtime(true) - $last_progress < ($started === null ? 30 : $quiet)) {
    foreach ($consumer->consumeBatch(1000, min($batch_size, $limit - $received)) as $message) {
        switch ($message->err) {
            case RD_KAFKA_RESP_ERR_NO_ERROR:
                // The clock starts at the first message: the group join is not the consumer's speed.
                $started ??= clock_start();
                $last_at = hrtime(true);
                $received++;
                $bytes += $message->len;
                $last_progress = microtime(true);
                break;
            case RD_KAFKA_RESP_ERR__PARTITION_EOF:
            case RD_KAFKA_RESP_ERR__TIMED_OUT:
                break;
            default:
                fwrite(STDERR, "consume: " . $message->errstr() . "\n");
        }
    }
}
while ($mode !== 'batch' && $received < $limit && microtime(true) - $last_progress < ($started === null ? 30 : $quiet)) {
    $message = $consumer->consume(1000);
    {
        switch ($message->err) {
            case RD_KAFKA_RESP_ERR_NO_ERROR:
                // The clock starts at the first message: the group join is not the consumer's speed.
                $started ??= clock_start();
                $last_at = hrtime(true);
                $received++;
                $bytes += $message->len;
                $last_progress = microtime(true);
                break;
            case RD_KAFKA_RESP_ERR__PARTITION_EOF:
            case RD_KAFKA_RESP_ERR__TIMED_OUT:
                break;
            default:
                fwrite(STDERR, "consume: " . $message->errstr() . "\n");
        }
    }
}
$seconds = $started === null ? 0 : ($last_at - $started) / 1e9;
report($mode, $received, $seconds, $received ? intdiv($bytes, $received) : 0);
$consumer->close();
