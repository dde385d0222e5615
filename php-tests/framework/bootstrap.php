<?php
// What Composer's autoloader does for the application's classes.
spl_autoload_register(function (string $class): void {
    if (str_starts_with($class, 'App\\Kafka\\')) {
        require __DIR__ . '/src/' . substr($class, strlen('App\\Kafka\\')) . '.php';
    }
});
