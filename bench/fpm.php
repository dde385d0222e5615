<?php
// The PHP-FPM benchmark: requests/s and latency of a web request that creates
// a producer, produces one 100-byte message and flushes, under a real php-fpm,
// against a mock cluster in this (another) process. Rows, all in one run:
//   baseline        a no-op request script
//   non-persistent  a new librdkafka handle per request (what php-rdkafka does)
//   persistent      rdkafka_rs.persistent: the worker's handle is reused
// (and php-rdkafka's non-persistent row, given PHP_RDKAFKA_SO=path/to/rdkafka.so).
// For each: how much latency Kafka adds over the baseline, and how many TCP
// connections reached the broker: the kernel's count of accepted connections
// (PassiveOpens, less the FastCGI ones; exact on an otherwise idle machine) and,
// to cross-check, the ApiVersions handshakes the mock received (librdkafka sends
// two per connection to the mock: its first version is refused, then retried).
//
//   bench/run-fpm [-n REQUESTS] [-w WORKERS]   (runs this with the built extension)
require __DIR__ . '/fpm/FpmPool.php';
require __DIR__ . '/fpm/FastCgiClient.php';

$options = getopt('n:w:');
$requests = (int) ($options['n'] ?? 2000);
$workers = (int) ($options['w'] ?? 2);
$extension = getenv('RDKAFKA_RS_EXTENSION') ?: ini_get('extension');
$theirs = getenv('PHP_RDKAFKA_SO') ?: null;
if (!class_exists('RdKafka\Mock\Cluster') || !is_file((string) $extension)) {
    fwrite(STDERR, "bench/fpm.php needs rdkafka-rs loaded and RDKAFKA_RS_EXTENSION set to its path\n");
    exit(2);
}
if (FpmPool::binary() === null) {
    fwrite(STDERR, "php-fpm not found: apt-get install php8.2-fpm, or set PHP_FPM\n");
    exit(2);
}
$www = __DIR__ . '/fpm/www';
$topic = 'fpm-bench';
$cluster = new RdKafka\Mock\Cluster(1);
$cluster->createTopic($topic, 4);
$brokers = $cluster->getBootstraps();
$cluster->startRequestTracking();
$handshakes = function () use ($cluster): int {
    $count = count(array_filter($cluster->getRequests(), fn ($request) => $request['api_key'] === 18));
    $cluster->clearRequests();
    return $count;
};

// One handle's handshakes and connections, to turn the mock's count into connections.
$opens = tcp_passive_opens();
$conf = new RdKafka\Conf();
$conf->set('bootstrap.servers', $brokers);
$producer = new RdKafka\Producer($conf);
$producer->newTopic($topic)->produce(RD_KAFKA_PARTITION_UA, 0, str_repeat('x', 100));
$producer->flush(5000);
unset($producer, $conf);
usleep(100000);
$handle_connections = tcp_passive_opens() - $opens;
$handle_handshakes = $handshakes();
fprintf(STDERR, "bench/fpm: mock at %s; one handle opens %d connection(s) (%d ApiVersions handshakes); %d requests per row, %d workers\n",
    $brokers, $handle_connections, $handle_handshakes, $requests, $workers);

/** Runs one row on a fresh php-fpm; returns its figures. */
function row(string $label, string $extension, string $script, array $query, int $requests, int $workers, string $brokers, string $topic, callable $handshakes): array
{
    $fpm = new FpmPool($extension, $workers);
    $errors = [];
    $latencies = [];
    $params = fn (int $i) => [
        'SCRIPT_FILENAME' => $script, 'SCRIPT_NAME' => '/' . basename($script), 'REQUEST_METHOD' => 'GET',
        'QUERY_STRING' => http_build_query($query + ['id' => "$label-$i"]),
        'KAFKA_BROKERS' => $brokers, 'KAFKA_TOPIC' => $topic,
    ];
    $check = function (int $i, string $body, string $stderr, float $latency) use (&$errors, &$latencies) {
        $latencies[] = $latency;
        $answer = json_decode($body, true);
        if ($body !== 'ok' && (!is_array($answer) || ($answer['flushed'] ?? null) !== 0) || $stderr !== '') {
            $errors[] = "request $i: $body $stderr";
        }
    };
    $handshakes();
    $opens = tcp_passive_opens();
    $elapsed = fastcgi_run($fpm->address, $workers, $requests, $params, $check);
    $kernel_connections = tcp_passive_opens() - $opens - $workers; // less the FastCGI connections
    $handshake_count = $handshakes();
    $log = $fpm->stop();
    if ($errors) {
        fwrite(STDERR, "bench/fpm: $label: " . count($errors) . " failed request(s), first: {$errors[0]}\n$log\n");
    }
    sort($latencies);
    $at = fn (float $q) => $latencies[min(count($latencies) - 1, (int) floor($q * count($latencies)))] / 1000;
    return [
        'row' => $label,
        'requests_per_s' => $requests / $elapsed,
        'p50_ms' => $at(0.50),
        'p99_ms' => $at(0.99),
        'mean_ms' => array_sum($latencies) / count($latencies) / 1000,
        'broker_connections' => max(0, $kernel_connections),
        'handshakes' => $handshake_count,
        'failed' => count($errors),
    ];
}

$rows = [];
$rows[] = row('baseline (no-op)', $extension, "$www/noop.php", [], $requests, $workers, $brokers, $topic, $handshakes);
$rows[] = row('non-persistent', $extension, "$www/produce.php", [], $requests, $workers, $brokers, $topic, $handshakes);
$rows[] = row('persistent', $extension, "$www/produce.php", ['persistent' => 1], $requests, $workers, $brokers, $topic, $handshakes);
if ($theirs) {
    $rows[] = row('php-rdkafka non-persistent', $theirs, "$www/produce.php", [], $requests, $workers, $brokers, $topic, $handshakes);
}

$baseline = $rows[0];
printf("\nPHP-FPM, %d requests per row, %d workers, %d kept-open FastCGI connections; mock cluster in another process\n\n", $requests, $workers, $workers);
printf("| %-26s | %9s | %8s | %8s | %8s | %12s | %13s | %18s | %10s |\n", 'request', 'req/s', 'p50 ms', 'p99 ms', 'mean ms', 'added p50 ms', 'added mean ms', 'broker connections', 'ApiVersions');
printf("|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n", str_repeat('-', 28), str_repeat('-', 11), str_repeat('-', 10), str_repeat('-', 10), str_repeat('-', 10), str_repeat('-', 14), str_repeat('-', 15), str_repeat('-', 20), str_repeat('-', 12));
foreach ($rows as $row) {
    $added = $row === $baseline ? '' : sprintf('%.3f', $row['p50_ms'] - $baseline['p50_ms']);
    $added_mean = $row === $baseline ? '' : sprintf('%.3f', $row['mean_ms'] - $baseline['mean_ms']);
    printf("| %-26s | %9.0f | %8.3f | %8.3f | %8.3f | %12s | %13s | %18d | %10d |\n", $row['row'], $row['requests_per_s'], $row['p50_ms'], $row['p99_ms'], $row['mean_ms'], $added, $added_mean, $row['broker_connections'], $row['handshakes']);
}
[$non, $per] = [$rows[1], $rows[2]];
$added_non = $non['p50_ms'] - $baseline['p50_ms'];
$added_per = $per['p50_ms'] - $baseline['p50_ms'];
printf("\npersistent adds %.3f ms (p50) per request, non-persistent %.3f ms: %.1fx less; broker connections: %d persistent (%d workers) vs %d non-persistent, for %d requests each\n",
    $added_per, $added_non, $added_per > 0 ? $added_non / $added_per : INF, $per['broker_connections'], $workers, $non['broker_connections'], $requests);
exit(array_sum(array_column($rows, 'failed')) > 0 ? 1 : 0);
