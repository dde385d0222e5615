--TEST--
docker/: build-extension.sh (the Dockerfile's build step) builds, installs and loads the extension outside Docker; the Dockerfile and docker-compose.yml refer to files that exist and to a KRaft Kafka
--FILE--
<?php
$root = dirname(__DIR__);
$installDir = sys_get_temp_dir() . '/rdkafka-rs-docker-' . getmypid();
$process = proc_open([$root . '/docker/build-extension.sh'], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $root, ['EXTENSION_DIR' => $installDir] + getenv());
$out = stream_get_contents($pipes[1]);
$err = stream_get_contents($pipes[2]);
$status = proc_close($process);
echo "build-extension.sh exit status: $status\n";
echo preg_match('/^installed .*rdkafka_rs\.so: rdkafka 6\.\d+\.\d+ \(librdkafka \d+\.\d+\.\d+\) for PHP ' . preg_quote(PHP_VERSION) . '$/m', $out) ? "reports what it installed\n" : "unexpected output:\n$out\n$err\n";
exec(escapeshellarg(PHP_BINARY) . ' -n -d extension=' . escapeshellarg("$installDir/rdkafka_rs.so") . ' --ri rdkafka', $info, $infoStatus);
echo "installed file loads: ", $infoStatus === 0 && in_array('rdkafka support => enabled', $info, true) ? 'yes' : 'no', "\n";
@unlink("$installDir/rdkafka_rs.so");
@rmdir($installDir);

// Dockerfile: known instructions only; every file it copies from the repository exists.
$known = ['FROM', 'ARG', 'COPY', 'RUN', 'WORKDIR', 'CMD', 'ENV'];
$lines = preg_split('/\n/', preg_replace('/\\\\\n/', ' ', file_get_contents("$root/docker/Dockerfile")));
$problems = [];
foreach ($lines as $line) {
    $line = trim($line);
    if ($line === '' || $line[0] === '#') {
        continue;
    }
    [$instruction, $rest] = preg_split('/\s+/', $line, 2) + [1 => ''];
    if (!in_array($instruction, $known, true)) {
        $problems[] = "unknown instruction $instruction";
    }
    if ($instruction === 'COPY' && !str_starts_with($rest, '--from')) {
        $source = preg_split('/\s+/', $rest)[0];
        if ($source !== '.' && !file_exists("$root/$source")) {
            $problems[] = "COPY of a missing $source";
        }
    }
}
$dockerfile = file_get_contents("$root/docker/Dockerfile");
echo "Dockerfile: ", $problems ? implode(', ', $problems) : 'instructions known, copied files exist', "\n";
echo "builds on php:\${PHP_VERSION}-cli with build-extension.sh: ",
    var_export(str_contains($dockerfile, 'FROM php:${PHP_VERSION}-cli') && str_contains($dockerfile, 'RUN /src/docker/build-extension.sh'), true), "\n";

// docker-compose.yml, read as YAML by Python (PHP has no YAML parser built in).
$json = shell_exec('python3 -c ' . escapeshellarg('import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))') . ' ' . escapeshellarg("$root/docker/docker-compose.yml"));
$compose = json_decode((string) $json, true);
$kafka = $compose['services']['kafka'] ?? [];
$php = $compose['services']['php'] ?? [];
echo "services: ", implode(', ', array_keys($compose['services'] ?? [])), "\n";
echo "kafka: ", $kafka['image'] ?? '?', ", roles ", $kafka['environment']['KAFKA_PROCESS_ROLES'] ?? '?', "\n";
echo "php builds ", $php['build']['dockerfile'] ?? '?', file_exists("$root/" . ($php['build']['dockerfile'] ?? 'none')) ? ' (exists)' : ' (missing)', "\n";
preg_match_all('/examples\/\w+\.php/', implode(' ', (array) ($php['command'] ?? [])), $scripts);
foreach ($scripts[0] as $script) {
    echo "php runs $script", file_exists("$root/$script") ? '' : ' (missing)', "\n";
}
?>
--EXPECT--
build-extension.sh exit status: 0
reports what it installed
installed file loads: yes
Dockerfile: instructions known, copied files exist
builds on php:${PHP_VERSION}-cli with build-extension.sh: true
services: kafka, php
kafka: apache/kafka:latest, roles broker,controller
php builds docker/Dockerfile (exists)
php runs examples/producer.php
php runs examples/consumer.php
