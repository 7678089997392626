# Windows installers: NSIS (.exe) and WiX (.msi), plus a ZIP. Included by packaging/CMakeLists.txt
# on WIN32 before include(CPack).
#
# UNTESTED: the project has no Windows machine; this recipe follows CMake's and Qt's documented
# interfaces and has never been run. See README.md beside it for what it does and what is missing.

set(CPACK_GENERATOR NSIS WIX ZIP)

# windeployqt, through Qt's deployment script (Qt >= 6.3), copies the Qt DLLs and the plugins the
# binaries load (platforms, styles, sqldrivers, iconengines, imageformats, tls) next to them at
# install time, so CPack packages a self-contained folder.
foreach(wa_target webhook-admin webhook-admin-cli)
    if(TARGET ${wa_target})
        qt_generate_deploy_app_script(TARGET ${wa_target}
            FILENAME_VARIABLE wa_deploy_script
            NO_UNSUPPORTED_PLATFORM_ERROR)
        install(SCRIPT ${wa_deploy_script} COMPONENT runtime)
    endif()
endforeach()

# windeployqt copies Qt only: QtKeychain and OpenSSL (libcrypto-3-x64.dll, libssl-3-x64.dll) are
# installed here from their imported targets' DLLs where CMake knows them.
if(TARGET Qt6Keychain::Qt6Keychain)
    install(IMPORTED_RUNTIME_ARTIFACTS Qt6Keychain::Qt6Keychain
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
endif()
if(OPENSSL_ROOT_DIR OR DEFINED ENV{OPENSSL_ROOT_DIR})
    file(GLOB wa_openssl_dlls "${OPENSSL_ROOT_DIR}/bin/libcrypto-3*.dll" "${OPENSSL_ROOT_DIR}/bin/libssl-3*.dll"
        "$ENV{OPENSSL_ROOT_DIR}/bin/libcrypto-3*.dll" "$ENV{OPENSSL_ROOT_DIR}/bin/libssl-3*.dll")
    if(wa_openssl_dlls)
        install(FILES ${wa_openssl_dlls} DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
    endif()
endif()

set(CPACK_NSIS_PACKAGE_NAME "Webhook Admin")
set(CPACK_NSIS_DISPLAY_NAME "Webhook Admin ${PROJECT_VERSION}")
set(CPACK_NSIS_URL_INFO_ABOUT ${PROJECT_HOMEPAGE_URL})
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_INSTALLED_ICON_NAME bin\\\\webhook-admin.exe)
set(CPACK_NSIS_MODIFY_PATH ON) # offers to put webhook-admin-cli on PATH

# Never change this GUID: it is how Windows Installer recognises an upgrade of the same product.
set(CPACK_WIX_UPGRADE_GUID "5621C765-E5D2-46AD-8855-0EBF58E40B2F")
set(CPACK_WIX_PRODUCT_NAME "Webhook Admin")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "Webhook Admin")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT ${PROJECT_HOMEPAGE_URL})
