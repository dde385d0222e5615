<?php
// Starts a php-fpm (Debian's php-fpm8.2, or $PHP_FPM) with rdkafka-rs loaded,
// a static pool of $workers workers on a free loopback port, and stops it (by
// the PID it started) when done.

final class FpmPool
{
    public readonly string $address;
    private string $dir;
    /** @var resource */
    private $process;
    private int $pid;

    public static function binary(): ?string
    {
        foreach ([getenv('PHP_FPM') ?: '', '/usr/sbin/php-fpm8.2', '/usr/sbin/php-fpm'] as $candidate) {
            if ($candidate !== '' && is_executable($candidate)) {
                return $candidate;
            }
        }
        return null;
    }

    /**
     * @param array<string, string> $ini php.ini settings for the workers
     * @param int $maxRequests requests a worker serves before it is replaced (0: never)
     */
    public function __construct(string $extension, int $workers, array $ini = [], int $maxRequests = 0)
    {
        $binary = self::binary() ?? throw new RuntimeException('php-fpm not found: apt-get install php8.2-fpm, or set PHP_FPM');
        $this->dir = sys_get_temp_dir() . '/rdkafka-rs-fpm-' . getmypid() . '-' . bin2hex(random_bytes(3));
        mkdir($this->dir);
        $port = self::freePort();
        $this->address = "127.0.0.1:$port";
        $runAsRoot = function_exists('posix_getuid') ? posix_getuid() === 0 : trim((string) shell_exec('id -u')) === '0';
        $user = $runAsRoot ? "user = root\ngroup = root\n" : '';
        // As php.ini would: the extension is loaded by the master, before it forks the workers.
        $defines = [];
        // opcache as in production (when installed): request scripts are not recompiled per request.
        $opcache = is_file(ini_get('extension_dir') . '/opcache.so') ? ['zend_extension' => 'opcache.so', 'opcache.enable' => '1'] : [];
        foreach (['extension' => $extension, 'display_errors' => 'stderr', 'log_errors' => '1'] + $opcache + $ini as $name => $value) {
            array_push($defines, '-d', "$name=$value");
        }
        file_put_contents("$this->dir/php-fpm.conf", <<<CONF
            [global]
            error_log = $this->dir/php-fpm.log
            pid = $this->dir/php-fpm.pid
            daemonize = no
            log_level = warning
            ; With the default (0), stopping php-fpm escalates from SIGQUIT to killing the
            ; workers at once, before their module shutdown delivers what they hold.
            process_control_timeout = 20s

            [bench]
            {$user}listen = $this->address
            listen.backlog = 64
            pm = static
            pm.max_children = $workers
            pm.max_requests = $maxRequests
            catch_workers_output = yes
            decorate_workers_output = no
            ; php-fpm's default, as in production: a request's \$_SERVER holds its FastCGI
            ; params, not this process's whole environment (22,000 instructions a request more).
            clear_env = yes
            CONF);
        $command = [$binary, '-n', ...$defines, '-F', '-y', "$this->dir/php-fpm.conf", '-p', $this->dir];
        if ($runAsRoot) {
            $command[] = '-R';
        }
        $this->process = proc_open($command, [0 => ['file', '/dev/null', 'r'], 1 => ['file', "$this->dir/stdout.log", 'w'], 2 => ['file', "$this->dir/stderr.log", 'w']], $pipes);
        if (!is_resource($this->process)) {
            throw new RuntimeException("could not start $binary");
        }
        $this->pid = proc_get_status($this->process)['pid'];
        $deadline = microtime(true) + 10;
        while (@stream_socket_client("tcp://$this->address", $errno, $error, 0.2) === false) {
            if (microtime(true) > $deadline || !proc_get_status($this->process)['running']) {
                throw new RuntimeException("php-fpm did not start:\n" . $this->log());
            }
            usleep(20000);
        }
    }

    /** The PIDs of this pool's workers (the master's children). */
    public function workerPids(): array
    {
        $children = @file_get_contents("/proc/$this->pid/task/$this->pid/children");
        return array_map('intval', preg_split('/\s+/', trim((string) $children), -1, PREG_SPLIT_NO_EMPTY));
    }

    /** Established TCP connections from this pool's workers to $port. */
    public function connectionsTo(int $port): int
    {
        $inodes = [];
        foreach (array_slice(file('/proc/net/tcp', FILE_IGNORE_NEW_LINES), 1) as $line) {
            $fields = preg_split('/\s+/', trim($line));
            [, $remote_port] = explode(':', $fields[2]);
            if (hexdec($remote_port) === $port && $fields[3] === '01') {
                $inodes["socket:[{$fields[9]}]"] = true;
            }
        }
        $count = 0;
        foreach ($this->workerPids() as $pid) {
            foreach (glob("/proc/$pid/fd/*") ?: [] as $fd) {
                $count += (int) isset($inodes[(string) @readlink($fd)]);
            }
        }
        return $count;
    }

    /** What php-fpm and its workers wrote (errors, warnings, the workers' stderr). */
    public function log(): string
    {
        return implode('', array_map(fn ($file) => is_file($file) ? file_get_contents($file) : '', ["$this->dir/php-fpm.log", "$this->dir/stderr.log", "$this->dir/stdout.log"]));
    }

    /** Stops php-fpm gracefully (workers run their module shutdown), then removes its files. */
    public function stop(): string
    {
        if ($this->pid > 0 && proc_get_status($this->process)['running']) {
            posix_kill_or_kill($this->pid, 3); // SIGQUIT: graceful
            $deadline = microtime(true) + 15;
            while (proc_get_status($this->process)['running'] && microtime(true) < $deadline) {
                usleep(20000);
            }
            if (proc_get_status($this->process)['running']) {
                posix_kill_or_kill($this->pid, 9);
            }
        }
        proc_close($this->process);
        $this->pid = 0;
        $log = $this->log();
        array_map('unlink', glob("$this->dir/*"));
        @rmdir($this->dir);
        return $log;
    }

    public function __destruct()
    {
        if ($this->pid > 0) {
            $this->stop();
        }
    }

    private static function freePort(): int
    {
        $server = stream_socket_server('tcp://127.0.0.1:0', $errno, $error);
        $name = stream_socket_get_name($server, false);
        fclose($server);
        return (int) substr($name, strrpos($name, ':') + 1);
    }
}

function posix_kill_or_kill(int $pid, int $signal): void
{
    if (function_exists('posix_kill')) {
        posix_kill($pid, $signal);
    } else {
        exec("kill -$signal $pid");
    }
}

/** TCP connections accepted on this machine so far (PassiveOpens in /proc/net/snmp). */
function tcp_passive_opens(): int
{
    $lines = file('/proc/net/snmp', FILE_IGNORE_NEW_LINES);
    foreach ($lines as $i => $line) {
        if (str_starts_with($line, 'Tcp:') && isset($lines[$i + 1]) && str_starts_with($lines[$i + 1], 'Tcp:')) {
            return (int) array_combine(preg_split('/\s+/', $line), preg_split('/\s+/', $lines[$i + 1]))['PassiveOpens'];
        }
    }
    return -1;
}

