<?php
/**
 * wpctl.php — the few things that need WordPress from the command line (Debian ships no WP-CLI).
 * Run by start.sh as www-data:  php wpctl.php DOCROOT SITE_URL COMMAND [ARGS]
 *
 *   install ADMIN_USER ADMIN_EMAIL ADMIN_PASSWORD_FILE   install, set the options the tests rely on,
 *                                                        delete the sample content
 *   app-password ADMIN_USER                              print a new application password
 */
[ , $docroot, $site, $cmd ] = array_pad( $argv, 4, '' );
$args = array_slice( $argv, 4 );

// WordPress reads the request's host even on the command line.
$u                         = parse_url( $site );
$_SERVER['HTTP_HOST']      = $u['host'] . ( isset( $u['port'] ) ? ':' . $u['port'] : '' );
$_SERVER['SERVER_NAME']    = $u['host'];
$_SERVER['SERVER_PORT']    = $u['port'] ?? 80;
$_SERVER['REQUEST_URI']    = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['REMOTE_ADDR']    = '127.0.0.1';
if ( 'install' === $cmd ) {
	define( 'WP_INSTALLING', true );
}
require $docroot . '/wp-load.php';

function fail( string $msg ) {
	fwrite( STDERR, "wpctl: $msg\n" );
	exit( 1 );
}

switch ( $cmd ) {
	case 'install':
		[ $user, $email, $pass_file ] = $args;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		if ( ! is_blog_installed() ) {
			$r = wp_install( 'Broadsheet', $user, $email, true, '', wp_slash( trim( file_get_contents( $pass_file ) ) ) );
			if ( is_wp_error( $r ) ) {
				fail( $r->get_error_message() );
			}
		}
		$options = array(
			'blogdescription'             => 'Broadsheet demo content on a real WordPress',
			'permalink_structure'         => '/%postname%/',
			'posts_per_page'              => 10,
			'default_ping_status'         => 'closed',
			'default_pingback_flag'       => 0,
			// Comments appear at once: no manual approval, no "previously approved author" rule,
			// no link-count or keyword holds (the mu-plugin holds comments containing "[hold]").
			'comment_moderation'          => 0,
			'comment_previously_approved' => 0,
			'comment_max_links'           => 0,
			'moderation_keys'             => '',
			'disallowed_keys'             => '',
			'comments_notify'             => 0,
			'moderation_notify'           => 0,
			'thread_comments'             => 1,
			'thread_comments_depth'       => 5,
		);
		foreach ( $options as $k => $v ) {
			update_option( $k, $v );
		}
		// Soft flush: stores the rewrite rules in the database, writes no .htaccess.
		$GLOBALS['wp_rewrite']->set_permalink_structure( '/%postname%/' );
		flush_rewrite_rules( false );
		// "Hello world!", its comment, "Sample Page" and the draft privacy page would skew every count.
		foreach ( get_posts( array( 'post_type' => array( 'post', 'page' ), 'post_status' => 'any', 'numberposts' => -1 ) ) as $p ) {
			wp_delete_post( $p->ID, true );
		}
		echo "installed WordPress {$GLOBALS['wp_version']}\n";
		break;

	case 'app-password':
		$user = get_user_by( 'login', $args[0] ?? '' ) ?: fail( "no user '{$args[0]}'" );
		if ( ! wp_is_application_passwords_available_for_user( $user ) ) {
			fail( 'application passwords unavailable (they need https or WP_ENVIRONMENT_TYPE local)' );
		}
		foreach ( WP_Application_Passwords::get_user_application_passwords( $user->ID ) as $item ) {
			if ( 'broadsheet' === $item['name'] ) {
				WP_Application_Passwords::delete_application_password( $user->ID, $item['uuid'] );
			}
		}
		$r = WP_Application_Passwords::create_new_application_password( $user->ID, array( 'name' => 'broadsheet' ) );
		is_wp_error( $r ) && fail( $r->get_error_message() );
		echo $r[0];
		break;

	default:
		fail( "unknown command '$cmd'" );
}
