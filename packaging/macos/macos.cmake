# macOS disk image (DragNDrop .dmg). Included by packaging/CMakeLists.txt on APPLE before
# include(CPack).
#
# UNTESTED: the project has no Mac; this recipe follows CMake's and Qt's documented interfaces and
# has never been run. See README.md beside it: it needs app/gui to build webhook-admin as a bundle.

set(CPACK_GENERATOR DragNDrop TGZ)
set(CPACK_DMG_VOLUME_NAME "Webhook Admin")
set(CPACK_DMG_FORMAT UDZO)
set(CPACK_PACKAGING_INSTALL_PREFIX /)

if(TARGET webhook-admin)
    get_target_property(wa_is_bundle webhook-admin MACOSX_BUNDLE)
    if(wa_is_bundle)
        # macdeployqt, through Qt's deployment script (Qt >= 6.3), copies Qt frameworks and
        # plugins into the bundle and rewrites their install names.
        qt_generate_deploy_app_script(TARGET webhook-admin
            FILENAME_VARIABLE wa_deploy_script
            NO_UNSUPPORTED_PLATFORM_ERROR)
        install(SCRIPT ${wa_deploy_script} COMPONENT runtime)
    else()
        message(WARNING "webhook-admin is not a MACOSX_BUNDLE: the .dmg will hold a bare binary "
            "that needs Qt installed (see packaging/macos/README.md)")
    endif()
endif()
