--TEST--
PHP-FPM: a worker's memory stays flat over 20,000 requests with a persistent producer (a delivery callback per request, some requests flushing, some leaving their message to the request end): RSS grows by less than 2 MiB after a warm-up of 3,000 requests
--SKIPIF--
<?php
require __DIR__ . '/../bench/fpm/FpmPool.php';
if (FpmPool::binary() === null) die('skip php-fpm not installed (apt-get install php8.2-fpm)');
?>
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
require __DIR__ . '/../bench/fpm/FpmPool.php';
require __DIR__ . '/../bench/fpm/FastCgiClient.php';

const WARM_UP = 3000;
const MEASURED = 20000;
const SLICE = 5000;
// PHP frees a request's own memory at its end, so what could grow here is what
// outlives requests: the parked handle, the engine's per-producer state, and
// librdkafka's. 2 MiB over 20,000 requests catches a leak of about 100 bytes a request.
const ALLOWED_GROWTH_KIB = 2048;

$topic_name = unique_name('fpm-memory');
$cluster = new RdKafka\Mock\Cluster(1);
$cluster->createTopic($topic_name, 4);
$brokers = $cluster->getBootstraps();
$fpm = new FpmPool(getenv('RDKAFKA_RS_EXTENSION'), 1);
$script = realpath(__DIR__ . '/../bench/fpm/www/produce.php');

$failures = [];
$run = function (int $first, int $count) use ($fpm, $script, $brokers, $topic_name, &$failures) {
    fastcgi_run($fpm->address, 1, $count, fn (int $i) => [
        'SCRIPT_FILENAME' => $script, 'SCRIPT_NAME' => '/produce.php', 'REQUEST_METHOD' => 'GET',
        'QUERY_STRING' => http_build_query(['id' => 'm' . ($first + $i), 'persistent' => 1, 'cb' => 1, 'mode' => ($first + $i) % 4 === 0 ? 'leave' : 'flush']),
        'KAFKA_BROKERS' => $brokers, 'KAFKA_TOPIC' => $topic_name,
    ], function (int $i, string $body, string $stderr) use ($first, &$failures) {
        $answer = json_decode($body, true);
        if ($stderr !== '' || !is_array($answer) || !in_array($answer['flushed'], [0, null], true)) {
            $failures[] = 'request ' . ($first + $i) . ": $body $stderr";
        }
    });
};
$worker_rss_kib = function () use ($fpm): array {
    $pids = $fpm->workerPids();
    preg_match('/^VmRSS:\s+(\d+) kB/m', (string) @file_get_contents("/proc/{$pids[0]}/status"), $match);
    return [$pids[0], (int) ($match[1] ?? -1)];
};

$run(0, WARM_UP);
[$worker, $after_warm_up] = $worker_rss_kib();
$samples = [];
for ($done = 0; $done < MEASURED; $done += SLICE) {
    $run(WARM_UP + $done, SLICE);
    [$pid, $rss] = $worker_rss_kib();
    $pid === $worker or $failures[] = "the worker changed: $worker, then $pid";
    $samples[] = $rss;
}
$log = $fpm->stop();

$growth = max($samples) - $after_warm_up;
echo "requests failed: ", count($failures), "\n", implode("\n", array_slice($failures, 0, 3)), "\n";
echo "worker RSS after the warm-up: ", $after_warm_up > 0 ? 'measured' : 'not measured', "\n";
echo "growth over ", MEASURED, " requests: ", $growth < ALLOWED_GROWTH_KIB
    ? "less than " . ALLOWED_GROWTH_KIB . " KiB"
    : "$growth KiB (after the warm-up $after_warm_up KiB, then " . implode(', ', $samples) . ")", "\n";
echo "fpm log warnings: ", preg_match('/Warning|lost/', $log) ? $log : 'none', "\n";
?>
--EXPECT--
requests failed: 0

worker RSS after the warm-up: measured
growth over 20000 requests: less than 2048 KiB
fpm log warnings: none
