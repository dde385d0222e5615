--TEST--
PHP-FPM: persistent producers survive across requests: 1,200 requests on 2 workers deliver every message exactly once, open connections per worker (not per request), never show one request's delivery reports to another, and are re-created after a fatal error; workers replaced every 7 requests (pm.max_requests) deliver, at their exit, what their last requests left in flight
--SKIPIF--
<?php
require __DIR__ . '/../bench/fpm/FpmPool.php';
if (FpmPool::binary() === null) die('skip php-fpm not installed (apt-get install php8.2-fpm)');
if (getenv('TEST_KAFKA_BROKERS')) die('skip counts connections on the mock cluster');
?>
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
require __DIR__ . '/../bench/fpm/FpmPool.php';
require __DIR__ . '/../bench/fpm/FastCgiClient.php';

const WORKERS = 2;
const REQUESTS = 1200;
const FATAL_AT = [400, 401];
$topic_name = unique_name('fpm');
$cluster = new RdKafka\Mock\Cluster(1);
$cluster->createTopic($topic_name, 4);
$brokers = $cluster->getBootstraps();
$cluster->startRequestTracking();
$api_versions = fn () => count(array_filter($cluster->getRequests(), fn ($request) => $request['api_key'] === 18));

// What one handle costs in connection handshakes (ApiVersions requests; librdkafka
// connects to the bootstrap address and to the broker it learns of).
$producer = new RdKafka\Producer(producer_conf($brokers));
$producer->newTopic($topic_name)->produce(RD_KAFKA_PARTITION_UA, 0, str_pad('calibration', 100, '.'));
$producer->flush(5000);
unset($producer);
usleep(100000);
$per_handle = $api_versions();
echo "handshakes per handle: ", $per_handle > 0 ? "measured" : "none", "\n";
$cluster->clearRequests();

// request_flush_ms=0: a request that does not flush leaves its message in flight
// on the parked handle, so the next request runs while its report is on the way.
$fpm = new FpmPool(getenv('RDKAFKA_RS_EXTENSION'), WORKERS, ['rdkafka_rs.request_flush_ms' => '0']);
$mode = fn (int $i) => in_array($i, FATAL_AT, true) ? 'fatal' : ($i % 3 === 0 ? 'leave' : 'flush');
$problems = [];
$pids = [];
$created_after_fatal = [];
fastcgi_run($fpm->address, WORKERS, REQUESTS, function (int $i) use ($brokers, $topic_name, $mode) {
    $script = realpath(__DIR__ . '/../bench/fpm/www/produce.php');
    return [
        'SCRIPT_FILENAME' => $script, 'SCRIPT_NAME' => '/produce.php', 'REQUEST_METHOD' => 'GET',
        'QUERY_STRING' => http_build_query(['id' => "m$i", 'persistent' => 1, 'cb' => 1, 'mode' => $mode($i)]),
        'KAFKA_BROKERS' => $brokers, 'KAFKA_TOPIC' => $topic_name,
    ];
}, function (int $i, string $body, string $stderr, float $latency) use ($mode, &$problems, &$pids, &$created_after_fatal) {
    if ($mode($i) === 'fatal') {
        str_contains($body . $stderr, 'this_function_does_not_exist') or $problems[] = "request $i: no fatal error: $body";
        return;
    }
    $answer = json_decode($body, true);
    if (!is_array($answer)) {
        $problems[] = "request $i: not JSON: $body $stderr";
        return;
    }
    $pids[$answer['pid']] = true;
    $GLOBALS['inherited'] = ($GLOBALS['inherited'] ?? 0) + ($answer['inherited_in_flight'] > 0 ? 1 : 0);
    $expected = $mode($i) === 'flush' ? [['err' => 0, 'opaque' => "m$i"]] : [];
    if ($answer['reports'] !== $expected) {
        $problems[] = "request $i ({$mode($i)}) saw reports " . json_encode($answer['reports']);
    }
    if ($mode($i) === 'flush' && $answer['flushed'] !== 0) {
        $problems[] = "request $i: flush() returned {$answer['flushed']}";
    }
    if (in_array($i - 2, FATAL_AT, true)) {
        $created_after_fatal[] = $answer['stats']['persistent_created'];
    }
    if ($i === REQUESTS - 1) {
        echo "last request: ", json_encode(array_intersect_key($answer['stats'], array_flip(['persistent_producers', 'persistent_created']))), "\n";
    }
});
$handshakes = $api_versions();
$log = $fpm->stop(); // SIGQUIT: each worker's module shutdown delivers what its parked handle holds
echo "workers used: ", count($pids), "\n";
// The case the isolation check is about must have happened, or the check proved nothing.
echo "requests that began with an earlier request's message in flight: ", ($inherited ?? 0) > 0 ? 'some' : 'none', "\n";
echo "problems: ", count($problems), "\n", implode("\n", array_slice($problems, 0, 5)), "\n";
// Each worker made one handle, and the worker of each fatal request made another.
$allowed = (WORKERS + count(FATAL_AT)) * $per_handle;
echo "connections: ", $handshakes <= $allowed ? "at most one handle's per worker, plus one per fatal error" : "$handshakes handshakes, more than $allowed", "\n";
echo "re-created after the fatal errors: ", json_encode($created_after_fatal), "\n";
echo "fpm log warnings: ", preg_match('/Warning|lost/', $log) ? $log : 'none', "\n";

// Every message, the fatal requests' too (their producer flushed as it went), exactly once.
$consumer = new RdKafka\KafkaConsumer(consumer_conf($brokers, unique_name('fpm-check')));
$consumer->assign(array_map(fn ($p) => new RdKafka\TopicPartition($topic_name, $p, RD_KAFKA_OFFSET_BEGINNING), range(0, 3)));
$seen = [];
$deadline = microtime(true) + 20;
while (count($seen) < REQUESTS + 1 && microtime(true) < $deadline) {
    $message = $consumer->consume(200);
    if ($message->err === RD_KAFKA_RESP_ERR_NO_ERROR) {
        $id = rtrim($message->payload, '.');
        $seen[$id] = ($seen[$id] ?? 0) + 1;
    }
}
$consumer->close();
unset($consumer);
$missing = array_filter(range(0, REQUESTS - 1), fn ($i) => !isset($seen["m$i"]));
$duplicated = array_filter($seen, fn ($count) => $count > 1);
echo "delivered: ", count($seen) - 1, " of ", REQUESTS, ", missing ", count($missing), ", duplicated ", count($duplicated), "\n";

// Workers replaced every 7 requests, each request leaving its message in flight
// (no flush, request_flush_ms=0): a worker's exit (module shutdown) delivers them.
$recycled_topic = unique_name('fpm-recycled');
$cluster->createTopic($recycled_topic, 1);
$fpm = new FpmPool(getenv('RDKAFKA_RS_EXTENSION'), WORKERS, ['rdkafka_rs.request_flush_ms' => '0'], 7);
$recycled_pids = [];
fastcgi_run($fpm->address, 1, 70, fn (int $i) => [
    'SCRIPT_FILENAME' => realpath(__DIR__ . '/../bench/fpm/www/produce.php'), 'SCRIPT_NAME' => '/produce.php', 'REQUEST_METHOD' => 'GET',
    'QUERY_STRING' => http_build_query(['id' => "r$i", 'persistent' => 1, 'mode' => 'leave']),
    'KAFKA_BROKERS' => $brokers, 'KAFKA_TOPIC' => $recycled_topic,
], function (int $i, string $body) use (&$recycled_pids) {
    $recycled_pids[json_decode($body, true)['pid'] ?? 'error'] = true;
}, false); // a connection per request: a retiring worker closes its own
$log = $fpm->stop();
echo "recycled workers: ", count($recycled_pids) >= 10 ? 'at least 10' : count($recycled_pids), "; fpm log warnings: ", preg_match('/Warning|lost/', $log) ? $log : 'none', "\n";
$consumer = new RdKafka\KafkaConsumer(consumer_conf($brokers, unique_name('fpm-recycled')));
$consumer->assign([new RdKafka\TopicPartition($recycled_topic, 0, RD_KAFKA_OFFSET_BEGINNING)]);
$recycled = [];
$deadline = microtime(true) + 20;
while (count($recycled) < 70 && microtime(true) < $deadline) {
    $message = $consumer->consume(200);
    if ($message->err === RD_KAFKA_RESP_ERR_NO_ERROR) {
        $recycled[rtrim($message->payload, '.')] = ($recycled[rtrim($message->payload, '.')] ?? 0) + 1;
    }
}
$consumer->close();
unset($consumer);
echo "delivered across worker exits: ", count($recycled), " of 70, duplicated ", count(array_filter($recycled, fn ($count) => $count > 1)), "\n";
?>
--EXPECT--
handshakes per handle: measured
last request: {"persistent_producers":1,"persistent_created":2}
workers used: 2
requests that began with an earlier request's message in flight: some
problems: 0

connections: at most one handle's per worker, plus one per fatal error
re-created after the fatal errors: [2,2]
fpm log warnings: none
delivered: 1200 of 1200, missing 0, duplicated 0
recycled workers: at least 10; fpm log warnings: none
delivered across worker exits: 70 of 70, duplicated 0
